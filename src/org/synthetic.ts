/**
 * A made-up organisation of a given size (a county: hundreds of grids, a thousand rooms,
 * tens of thousands of post-holders), for load tests and benchmarks. Names are invented.
 */
import type { BuildingDef, GridDef, Org, PersonRef, RoomDef } from './types.js';

export interface OrgSize {
  grids: number;
  rooms: number;
  people: number;
}

export function syntheticOrg(size: OrgSize): Org {
  let n = 0;
  const person = (role: string): PersonRef => {
    n += 1;
    return { name: `${role}${n}`, wechat: `syn_${role}_${n}`, phone: `1380000${String(n).padStart(4, '0')}` };
  };
  // Per grid: the secretary and 6 officers or property posts, then buildings of two leaders
  // and households, so that all grids together hold `people` people.
  const perGrid = Math.max(10, Math.ceil(size.people / size.grids));
  const buildingsPerGrid = Math.max(1, Math.floor((perGrid - 7) / 6));
  const roomsPerGrid = Math.max(1, Math.floor((size.rooms - 1) / size.grids));
  const extraRooms = size.rooms - 1 - roomsPerGrid * size.grids;
  const grids: GridDef[] = [];
  for (let g = 0; g < size.grids; g++) {
    const name = `网格${g + 1}`;
    const buildings: BuildingDef[] = [];
    let left = perGrid - 7;
    for (let b = 0; b < buildingsPerGrid; b++) {
      const households = b === buildingsPerGrid - 1 ? left - 2 : Math.min(4, left - 2);
      left -= 2 + households;
      buildings.push({
        number: String(b + 1),
        group_leader: person('gl'),
        building_leader: person('bl'),
        households: Array.from({ length: Math.max(0, households) }, (_, k) => ({ ...person('hh'), units: [String((k % 4) + 1)] })),
      });
    }
    const roomCount = roomsPerGrid + (g < extraRooms ? 1 : 0);
    const rooms: RoomDef[] = [{ topic: `${name}业主群` }];
    for (let r = 1; r < roomCount; r++) rooms.push({ topic: `${name}${((r - 1) % buildingsPerGrid) + 1}栋群${r}`, building: String(((r - 1) % buildingsPerGrid) + 1) });
    grids.push({
      name,
      rooms,
      branch: { secretary: person('bs') },
      officers: { sanitation: person('sa'), publicity: person('pu'), culture: person('cu'), mediator: person('me') },
      property: { company: { name: `${name}物业`, contact: person('pc') }, owners_committee: person('oc') },
      buildings,
    });
  }
  return {
    community: {
      name: '合成县城关社区',
      staff: [person('st'), person('st')],
      committee: { secretary: person('cs'), units: [{ name: '城关派出所', handles: ['security'], contact: person('uc') }] },
      rooms: [{ topic: '合成社区工作群', kind: 'staff' }],
    },
    grids,
  };
}
