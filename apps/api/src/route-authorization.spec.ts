import { Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_TYPES, isCommandType, isQueryType, ROLE_MATRIX } from '@app/domain';
import { authorizedActionOf } from '@app/auth';
import { CommandsModule } from '@app/commands';
import { QueriesModule } from '@app/queries';
import { AuditController } from '@app/audit/http/audit.controller';

const isPublicHandler = (handler: object) => Reflect.getMetadata('auth:public', handler) === true;

/** Every route of a module and of the modules it imports, with the command or query its @Authorize names. */
function routesOf(root: Type): { route: string; action: string | undefined }[] {
  const modules: Type[] = [root, ...(Reflect.getMetadata(MODULE_METADATA.IMPORTS, root) ?? [])];
  return modules.flatMap((module) =>
    ((Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, module) ?? []) as Type[]).flatMap((controller) =>
      Object.getOwnPropertyNames(controller.prototype)
        .map((name) => controller.prototype[name])
        .filter((handler) => typeof handler === 'function' && Reflect.getMetadata(METHOD_METADATA, handler) !== undefined)
        .map((handler) => ({
          route: `${Reflect.getMetadata(PATH_METADATA, controller)}/${Reflect.getMetadata(PATH_METADATA, handler)}`,
          action: authorizedActionOf(handler),
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
    expect(routes.filter((r) => !r.action || !isCommandType(r.action))).toEqual([]);
  });

  it('exposes every command of the matrix through some route', () => {
    const routed = new Set(routes.map((r) => r.action));
    expect(Object.keys(ROLE_MATRIX).filter((command) => !routed.has(command))).toEqual([]);
  });
});

describe('query routes and the query permissions', () => {
  const routes = routesOf(QueriesModule);

  it('guards every query route with a query the permissions know', () => {
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.filter((r) => !r.action || !isQueryType(r.action))).toEqual([]);
  });
});

describe('audit routes', () => {
  it('are public (keys, checkpoints, consistency: no tenant data) or guarded by a query the permissions know', () => {
    const handlers = Object.getOwnPropertyNames(AuditController.prototype)
      .map((name) => AuditController.prototype[name as keyof AuditController] as object)
      .filter((h) => typeof h === 'function' && Reflect.getMetadata(METHOD_METADATA, h) !== undefined);
    expect(handlers.length).toBe(6);
    const unguarded = handlers.filter((h) => !isPublicHandler(h) && !isQueryType(authorizedActionOf(h) ?? ''));
    expect(unguarded).toEqual([]);
    expect(handlers.filter((h) => isPublicHandler(h)).length).toBe(3);
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
