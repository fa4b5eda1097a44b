import * as migration_20261122_140331_initial from './20261122_140331_initial';

export const migrations = [
  {
    up: migration_20261122_140331_initial.up,
    down: migration_20261122_140331_initial.down,
    name: '20261122_140331_initial'
  },
];
