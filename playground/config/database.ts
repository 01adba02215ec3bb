import path from 'path';

/**
 * SQLite by default (DATABASE_FILENAME, else .tmp/data.db); PostgreSQL with
 * DATABASE_CLIENT=postgres and DATABASE_URL or the DATABASE_HOST/PORT/NAME/USERNAME/PASSWORD set.
 */
export default ({ env }: { env: any }) => {
  const client = env('DATABASE_CLIENT', 'sqlite');

  if (client === 'postgres') {
    const url = env('DATABASE_URL');
    return {
      connection: {
        client: 'postgres',
        connection: url
          ? {
              connectionString: url,
              ssl: env.bool('DATABASE_SSL', false) && { rejectUnauthorized: false },
            }
          : {
              host: env('DATABASE_HOST', 'localhost'),
              port: env.int('DATABASE_PORT', 5432),
              database: env('DATABASE_NAME', 'newsroom'),
              user: env('DATABASE_USERNAME', 'postgres'),
              password: env('DATABASE_PASSWORD', ''),
              ssl: env.bool('DATABASE_SSL', false) && { rejectUnauthorized: false },
              schema: env('DATABASE_SCHEMA', 'public'),
            },
        pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      },
    };
  }

  return {
    connection: {
      client: 'sqlite',
      connection: {
        filename: path.resolve(__dirname, '..', '..', env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
      pool: {
        /**
         * Write-ahead logging, as SQLite advises for a server: readers and the writer no longer
         * exclude each other on the file, and with `synchronous = NORMAL` a commit appends to
         * the log without waiting for the disk (the log is synced at checkpoints). A power cut
         * can lose the last commits, never the file's consistency. In the default rollback
         * journal every commit waited for several fsyncs, on the one connection every request
         * shares: a publish held it about 20 ms longer (docs/BENCHMARKS.md, issue 27).
         */
        afterCreate: (connection: any, done: (error: Error | null, connection: any) => void) => {
          connection.pragma('journal_mode = WAL');
          connection.pragma('synchronous = NORMAL');
          done(null, connection);
        },
      },
    },
  };
};
