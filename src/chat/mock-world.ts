import crypto from 'node:crypto';
import { FileBox } from 'file-box';
import { types } from 'wechaty';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import type { Org } from '../org/types.js';
import { flattenPosts } from '../org/directory.js';
import { systemClock } from '../clock.js';
import type { SayContent } from '../simulate/content.js';
import { formatQuote } from './message-kinds.js';

/** The mock puppet answers every location with one fixed place: ours remembers each one sent. */
class WorldPuppet extends PuppetMock {
  readonly locations = new Map<string, { name: string; address: string }>();

  override async messageLocation(messageId: string) {
    const place = this.locations.get(messageId);
    if (!place) return super.messageLocation(messageId);
    return { accuracy: 15, latitude: 0, longitude: 0, ...place };
  }

  /**
   * The mock puppet forgets a remark (备注) the bot sets; WeChat keeps it, for friends
   * only. Do the same, so the simulator shows how bindings survive.
   */
  override async contactAlias(contactId: string): Promise<string>;
  override async contactAlias(contactId: string, alias: string | null): Promise<void>;
  override async contactAlias(contactId: string, alias?: string | null): Promise<string | void> {
    const payload = this.mocker.contactPayload(contactId);
    if (alias === undefined) return payload.alias ?? '';
    if (!payload.friend) throw new Error('a remark can only be set on a friend');
    this.mocker.contactPayload(contactId, { ...payload, alias: alias ?? undefined });
  }
}

/** The start of a JPEG file, so that the bytes look like a photo to whoever checks. */
const JPEG_START = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);

type ContactMock = ReturnType<mock.Mocker['createContact']>;
type RoomMock = ReturnType<mock.Mocker['createRoom']>;

/**
 * An in-memory WeChat for tests and the simulator, over Wechaty's mock puppet: the
 * organisation's groups with the bot in them, its people as contacts, and residents
 * who appear when they first speak.
 */
export class MockWorld {
  readonly mocker = new mock.Mocker();
  readonly puppet: WorldPuppet;
  private files = 0;
  readonly botUser: ContactMock;
  private readonly rooms = new Map<string, RoomMock>();
  private readonly contacts = new Map<string, ContactMock>();

  constructor(org: Org, botName = org.community.bot_name ?? '网格助手') {
    this.puppet = new WorldPuppet({ mocker: this.mocker });
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

  /**
   * A contact with this WeChat alias (微信号), created on first use. Without an alias, a
   * contact for whom WeChat gives no id (one per name): a friend when they write to the
   * bot directly, else a group member who is not.
   */
  contact(name: string, alias: string | null, friend = true): ContactMock {
    const key = alias ?? `no-id:${name}`;
    let c = this.contacts.get(key);
    if (!c) {
      c = alias
        ? this.mocker.createContact({ name, weixin: alias, handle: alias, alias: undefined, friend: true } as never)
        : this.mocker.createContact({ name, alias: undefined, friend } as never);
      this.contacts.set(key, c);
    } else if (friend && !c.payload.friend) {
      this.mocker.contactPayload(c.id, { ...c.payload, friend: true });
    }
    return c;
  }

  /**
   * Makes a person this account's friend, or not (删除好友): WeChat then delivers this
   * account's direct messages to them, or not.
   */
  async setFriend(name: string, alias: string, friend: boolean): Promise<void> {
    const c = this.contact(name, alias, friend);
    this.mocker.contactPayload(c.id, { ...c.payload, friend });
    // Wechaty keeps contact payloads: read this one anew.
    await this.puppet.contactPayloadDirty(c.id);
  }

  /** Logs the bot in; call after the Wechaty bot started. */
  login(): void {
    this.mocker.login(this.botUser);
  }

  /** A group message; the speaker joins the group if they were not in it. */
  sayInRoom(topic: string, name: string, alias: string | null, text: string): void {
    const room = this.room(topic);
    const contact = this.contact(name, alias, false);
    if (!room.payload.memberIdList.includes(contact.id)) room.payload.memberIdList.push(contact.id);
    contact.say(text).to(room);
  }

  /** A direct message to the bot. */
  sayToBot(name: string, alias: string | null, text: string): void {
    this.contact(name, alias).say(text).to(this.botUser);
  }

  /**
   * A message of any kind a script can write, as WeChat would deliver it: a photo or voice
   * note as a file message, a location as a location message, a quote as WeChat's quote text.
   * `bytes` replaces the made-up file content (a test of the size cap).
   */
  send(topic: string | null, name: string, alias: string | null, content: SayContent, bytes?: Buffer): void {
    const contact = this.contact(name, alias, topic === null);
    let to: ContactMock | RoomMock = this.botUser;
    if (topic !== null) {
      const room = this.room(topic);
      if (!room.payload.memberIdList.includes(contact.id)) room.payload.memberIdList.push(contact.id);
      to = room;
    }
    switch (content.kind) {
      case 'text':
        return contact.say(content.text).to(to);
      case 'quote':
        return contact.say(formatQuote(content.quoted, content.reply)).to(to);
      case 'location':
        return this.sendLocation(contact, to, content.name);
      default: {
        this.files += 1;
        const data = bytes ?? Buffer.concat([JPEG_START, Buffer.from(`gridbot simulated ${content.kind} ${this.files}`)]);
        const name = content.kind === 'image' ? `photo-${this.files}.jpg` : content.kind === 'video' ? `clip-${this.files}.mp4` : `voice-${this.files}.sil`;
        const box = FileBox.fromBase64(data.toString('base64'), name);
        if (content.kind === 'audio') box.metadata = { voiceLength: content.seconds * 1000 };
        return contact.say(box).to(to);
      }
    }
  }

  /** WeChat's location message; the mock's own `say` knows only text and files. */
  private sendLocation(contact: ContactMock, to: ContactMock | RoomMock, name: string): void {
    const id = crypto.randomUUID();
    this.puppet.locations.set(id, { name, address: name });
    const base = { id, talkerId: contact.id, timestamp: systemClock.now().getTime(), type: types.Message.Location };
    const payload = to === this.botUser ? { ...base, listenerId: to.id } : { ...base, roomId: to.id, mentionIdList: [] };
    this.mocker.MessageMock.create(payload as never);
    this.puppet.emit('message', { messageId: id });
  }
}
