/**
 * @module
 * `embargo keys create --name N --role R` (prints the key once), `keys list`, `keys revoke ID`:
 * the HTTP server's API keys. The store keeps only their sha256.
 */
import { Command } from 'commander';
import { EmbargoError, ERROR_CODES } from '../../core/index.ts';
import { createApiKey, isRole, ROLES } from '../../server/index.ts';
import { EXIT } from '../exit.ts';
import { note, printJson, table, type CommonOptions } from '../output.ts';
import { common, type Run } from '../run.ts';
import { usage } from './lists.ts';

/** Builds `embargo keys`. */
export function keysCommand(run: Run): Command {
  const keys = new Command('keys').description("the HTTP server's API keys");

  common(keys.command('create'))
    .description('create a key; it is printed once and cannot be shown again')
    .requiredOption('--name <name>', 'who or what the key is for')
    .option('--role <role>', `${ROLES.join(', ')} (each includes the ones before)`, 'read')
    .action((opts: CommonOptions & { name: string; role: string }) =>
      run(opts, async (engine) => {
        if (!isRole(opts.role)) throw usage(`--role ${opts.role}: use ${ROLES.join(', ')}`);
        const name = opts.name.trim();
        if (!name) throw usage('--name: give the key a name');
        const { key, secret } = await createApiKey(engine, name, opts.role);
        if (opts.json) printJson({ ...key, key: secret });
        else {
          process.stdout.write(secret + '\n');
          note(
            `created ${key.id} (${key.role}) for ${key.name}; the key above is not stored and cannot be shown again`,
          );
        }
        return EXIT.OK;
      }),
    );

  common(keys.command('list'))
    .description('every key, revoked ones included (never the keys themselves)')
    .action((opts: CommonOptions) =>
      run(opts, async (engine) => {
        const list = await engine.apiKeys.list();
        if (opts.json) printJson(list);
        else if (!list.length) note('no API keys; create one with `embargo keys create`');
        else
          process.stdout.write(
            table(
              ['id', 'role', 'name', 'created', 'last used', 'revoked'],
              list.map((k) => [
                k.id,
                k.role,
                k.name,
                k.createdAt.slice(0, 19),
                k.lastUsedAt?.slice(0, 19) ?? '',
                k.revokedAt?.slice(0, 19) ?? '',
              ]),
            ) + '\n',
          );
        return EXIT.OK;
      }),
    );

  common(keys.command('revoke'))
    .description('revoke a key: requests with it are refused from now on')
    .argument('<id>', 'key id, as `keys list` shows it')
    .action((id: string, opts: CommonOptions) =>
      run(opts, async (engine) => {
        const key = await engine.apiKeys.revoke(id);
        if (!key) throw new EmbargoError(ERROR_CODES.UNKNOWN_ID, `no API key ${id}`);
        if (opts.json) printJson(key);
        else note(`${key.id} (${key.name}) revoked on ${key.revokedAt}`);
        return EXIT.OK;
      }),
    );
  return keys;
}
