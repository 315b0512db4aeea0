import { Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_TYPES, QUERY_PERMISSIONS, ROLE_MATRIX } from '@app/domain';
import { CommandsModule } from '@app/commands';
import { QueriesModule } from '@app/queries';

/** Every route of every area module, with the command or query its @Authorize names. */
function routesOf(root: Type): { route: string; command: string | undefined }[] {
  const areaModules: Type[] = Reflect.getMetadata(MODULE_METADATA.IMPORTS, root);
  return areaModules.flatMap((module) =>
    ((Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, module) ?? []) as Type[]).flatMap((controller) =>
      Object.getOwnPropertyNames(controller.prototype)
        .map((name) => controller.prototype[name])
        .filter((handler) => typeof handler === 'function' && Reflect.getMetadata(METHOD_METADATA, handler) !== undefined)
        .map((handler) => ({
          route: `${Reflect.getMetadata(PATH_METADATA, controller)}/${Reflect.getMetadata(PATH_METADATA, handler)}`,
          command: Reflect.getMetadata('auth:command', handler) as string | undefined,
        })),
    ),
  );
}

describe('command routes and the role matrix', () => {
  const routes = routesOf(CommandsModule);

  it('finds the routes of every area', () => {
    expect(routes.length).toBeGreaterThanOrEqual(Object.keys(ROLE_MATRIX).length);
  });

  it('guards every command route with a command the matrix knows', () => {
    const unguarded = routes.filter((r) => !r.command || !ROLE_MATRIX[r.command]);
    expect(unguarded).toEqual([]);
  });

  it('exposes every command of the matrix through some route', () => {
    const routed = new Set(routes.map((r) => r.command));
    expect(Object.keys(ROLE_MATRIX).filter((command) => !routed.has(command))).toEqual([]);
  });
});

describe('query routes and the query permissions', () => {
  const routes = routesOf(QueriesModule);

  it('guards every query route with a query the permissions know', () => {
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.filter((r) => !r.command || !(r.command in QUERY_PERMISSIONS))).toEqual([]);
  });
});

describe('end-to-end coverage of the catalog', () => {
  it('names every event type of the catalog in an end-to-end test that reads it back', () => {
    const testDir = join(__dirname, '..', '..', '..', 'test');
    const sources = readdirSync(testDir)
      .filter((f) => f.endsWith('.e2e-spec.ts'))
      .map((f) => readFileSync(join(testDir, f), 'utf8'))
      .join('\n');
    expect(EVENT_TYPES.filter((type) => !sources.includes(`'${type}'`))).toEqual([]);
  });
});
