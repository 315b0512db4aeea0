/* global db */ // mongosh runs this script with the database handle `db` in scope.
// Runs once, on MongoDB's first start (docker-entrypoint-initdb.d): the user the api and worker
// sign in as, with readWrite on the read-model database only.
const name = process.env.MONGO_APP_USERNAME;
const password = process.env.MONGO_APP_PASSWORD;
if (!name || !password) throw new Error('MONGO_APP_USERNAME and MONGO_APP_PASSWORD must be set');
db.getSiblingDB('activity-log').createUser({ user: name, pwd: password, roles: [{ role: 'readWrite', db: 'activity-log' }] });
