import { can, isRole, ROLES, rolesThatCan } from './roles';

describe('roles', () => {
  it('gives admin everything and each other role its share', () => {
    expect(rolesThatCan('administer')).toEqual(['admin']);
    expect(rolesThatCan('operate')).toEqual(['admin', 'operator']);
    expect(rolesThatCan('produce')).toEqual(['admin', 'operator', 'producer']);
    expect(rolesThatCan('consume')).toEqual(['admin', 'consumer']);
    expect(rolesThatCan('read')).toEqual([...ROLES]);
  });

  it('refuses what a role does not hold', () => {
    expect(can('viewer', 'operate')).toBe(false);
    expect(can('producer', 'consume')).toBe(false);
    expect(can('consumer', 'produce')).toBe(false);
    expect(can('operator', 'administer')).toBe(false);
  });

  it('knows its words', () => {
    expect(isRole('operator')).toBe(true);
    expect(isRole('root')).toBe(false);
  });
});
