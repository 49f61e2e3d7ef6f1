import { PuppetMock, mock } from 'wechaty-puppet-mock';
import type { Org } from '../org/types.js';
import { flattenPosts } from '../org/directory.js';

type ContactMock = ReturnType<mock.Mocker['createContact']>;
type RoomMock = ReturnType<mock.Mocker['createRoom']>;

/**
 * An in-memory WeChat for tests and the simulator, over Wechaty's mock puppet: the
 * organisation's groups with the bot in them, its people as contacts, and residents
 * who appear when they first speak.
 */
export class MockWorld {
  readonly mocker = new mock.Mocker();
  readonly puppet: PuppetMock;
  readonly botUser: ContactMock;
  private readonly rooms = new Map<string, RoomMock>();
  private readonly contacts = new Map<string, ContactMock>();

  constructor(org: Org, botName = org.community.bot_name ?? '网格助手') {
    this.puppet = new PuppetMock({ mocker: this.mocker });
    this.botUser = this.mocker.createContact({ name: botName, id: 'gridbot-self' });
    for (const post of flattenPosts(org)) this.contact(post.name, post.alias);
    const topics = [...org.community.rooms.map((r) => r.topic), ...org.grids.flatMap((g) => g.rooms.map((r) => r.topic))];
    for (const topic of topics) this.room(topic);
  }

  room(topic: string): RoomMock {
    let room = this.rooms.get(topic);
    if (!room) {
      room = this.mocker.createRoom({ topic, memberIdList: [this.botUser.id], ownerId: this.botUser.id });
      this.rooms.set(topic, room);
    }
    return room;
  }

  /** A contact with this WeChat alias (微信号), created on first use. */
  contact(name: string, alias: string): ContactMock {
    let c = this.contacts.get(alias);
    if (!c) {
      c = this.mocker.createContact({ name, weixin: alias, handle: alias, alias: undefined, friend: true } as never);
      this.contacts.set(alias, c);
    }
    return c;
  }

  /** Logs the bot in; call after the Wechaty bot started. */
  login(): void {
    this.mocker.login(this.botUser);
  }

  /** A group message; the speaker joins the group if they were not in it. */
  sayInRoom(topic: string, name: string, alias: string, text: string): void {
    const room = this.room(topic);
    const contact = this.contact(name, alias);
    if (!room.payload.memberIdList.includes(contact.id)) room.payload.memberIdList.push(contact.id);
    contact.say(text).to(room);
  }

  /** A direct message to the bot. */
  sayToBot(name: string, alias: string, text: string): void {
    this.contact(name, alias).say(text).to(this.botUser);
  }
}
