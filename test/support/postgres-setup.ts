import pg from 'pg';

/** Fails the PostgreSQL pass at once, with a clear message, when no server answers. */
export async function setup(): Promise<void> {
  const url = process.env.UPKEEP_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    // Schemas left behind by an interrupted run would pile up; drop those older than a day.
    const { rows } = await client.query<{ nspname: string }>(
      "select nspname from pg_namespace where nspname like 'upkeep_t_%'",
    );
    const dayAgo = Date.now() - 86_400_000;
    for (const { nspname } of rows) {
      const stamp = Number(nspname.split('_')[2]);
      if (Number.isFinite(stamp) && stamp < dayAgo) await client.query(`drop schema if exists ${nspname} cascade`);
    }
  } catch (err) {
    throw new Error(
      `The PostgreSQL test pass needs a server at ${url} (${(err as Error).message}). ` +
        'Start it (see README) or set UPKEEP_TEST_DATABASE_URL.',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
