import { loadConfig } from './app-config';
import { DataDirError, startupFailureMessage } from './boot';

const config = loadConfig({ HOST: 'api.internal', PORT: '8080', DATA_DIR: '/srv/data', MONGO_URL: 'mongodb://app:pw@db1:27017,db2:27017/x' });
const systemError = (code: string, syscall: string, message: string) => Object.assign(new Error(message), { code, syscall });

describe('startupFailureMessage', () => {
  it.each([
    [systemError('EADDRINUSE', 'listen', 'listen EADDRINUSE'), 'The API cannot listen on api.internal:8080: the port is already in use (set PORT to a free port)'],
    [systemError('EADDRNOTAVAIL', 'listen', 'listen EADDRNOTAVAIL'), /api\.internal is not an address of this machine \(set HOST/],
    [systemError('ENOTFOUND', 'getaddrinfo', 'getaddrinfo ENOTFOUND api.internal'), /the host name api\.internal does not resolve \(set HOST/],
    [systemError('EACCES', 'listen', 'listen EACCES'), /permission denied \(a port below 1024 needs privileges; set PORT\)/],
    [new DataDirError('/srv/data', systemError('EROFS', 'open', 'EROFS')), 'The API cannot start: DATA_DIR "/srv/data" is not a usable directory: the file system is read-only (set DATA_DIR to a writable directory)'],
    [Object.assign(new Error('Server selection timed out after 10000 ms\n  more'), { name: 'MongoServerSelectionError' }), 'The API cannot reach MongoDB at db1:27017,db2:27017 (MONGO_URL): Server selection timed out after 10000 ms'],
    [Object.assign(new Error('unable to open database file'), { code: 'SQLITE_CANTOPEN' }), /DATA_DIR "\/srv\/data" is not usable by SQLite/],
    [new Error('something else\nwith detail'), 'The API failed to start: something else'],
  ])('says what failed and which setting to change: %s', (error, expected) => {
    const message = startupFailureMessage(error, config);
    expect(message).not.toContain('\n');
    expect(message).not.toContain(':pw@');
    if (typeof expected === 'string') expect(message).toBe(expected);
    else expect(message).toMatch(expected);
  });
});
