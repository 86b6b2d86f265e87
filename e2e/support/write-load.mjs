// A write load for crash and backup tests: `concurrency` workers creating dictionary items (and, when asked,
// users) through the API with one signed-in client, recording which writes were acknowledged (201).
//
//   const load = startWriteLoad(admin, { prefix: 'R1', users: { organisationId, roleIds: [roleId] } });
//   … server.kill9(); load.halt();   // no new requests from now on
//   await load.done;                 // every worker has finished its last request
//   load.acknowledged   Map key → { kind: 'item'|'user', name, id }  (key 'item:CODE' or 'user:USERNAME')
//   load.attempted      Set of every key that was sent (acknowledged or not)
//   load.sentAt         Map key → performance.now() when its request was sent (entries carry ackAt too)
//   load.failedInFlight requests whose connection failed (the server died): committed or not, unknown
//   load.unexpected     answers that were neither 201 nor a failed connection, as text
//
// Names are PREFIX_0001… for items (in `dictionary`) and u_prefix_0001… for users, so give each load on one
// database its own prefix (letters and digits, starting with a letter). The client's baseUrl is read at
// every request, so it can be pointed at a restarted server.

/** Item codes and usernames written by loads: `ITEM_NAME.test(code)`, `USER_NAME.test(username)`. */
export const ITEM_NAME = /^[A-Z][A-Z0-9]*_\d{4,}$/;
export const USER_NAME = /^u_[a-z][a-z0-9]*_\d{4,}$/;

export function itemCode(prefix, index) {
  return `${prefix}_${String(index).padStart(4, '0')}`;
}

export function username(prefix, index) {
  return `u_${prefix.toLowerCase()}_${String(index).padStart(4, '0')}`;
}

/**
 * @param {import('./client.mjs').Client} client signed in with system:dict:update (and system:user:create)
 * @param {object} options
 * @param {string} options.prefix
 * @param {number} [options.concurrency] workers (default 8)
 * @param {string} [options.dictionary] dictionary for the items (default size_class)
 * @param {{organisationId:number, roleIds:number[]}} [options.users] also create users, every other write
 * @param {number} [options.limit] send at most this many writes (default: until halt())
 * @param {(count:number, entry:object) => void} [options.onAcknowledged] after each 201, with the running count
 */
export function startWriteLoad(
  client,
  { prefix, concurrency = 8, dictionary = 'size_class', users, limit = Infinity, onAcknowledged } = {},
) {
  if (!/^[A-Z][A-Z0-9]*$/.test(prefix ?? '')) throw new Error(`prefix must be upper-case letters and digits: ${prefix}`);
  const load = {
    acknowledged: new Map(),
    attempted: new Set(),
    sentAt: new Map(),
    failedInFlight: 0,
    unexpected: [],
    sent: 0,
    halted: false,
    halt() {
      load.halted = true;
    },
    /** halt() and wait for the workers. */
    async stop() {
      load.halt();
      await load.done;
      return load;
    },
    done: undefined,
  };

  const writeOne = async (index) => {
    const asUser = users !== undefined && index % 2 === 1;
    const kind = asUser ? 'user' : 'item';
    const name = asUser ? username(prefix, index) : itemCode(prefix, index);
    const key = `${kind}:${name}`;
    load.attempted.add(key);
    load.sentAt.set(key, performance.now());
    let response;
    try {
      response = asUser
        ? await client.post('/users', {
            username: name,
            displayName: `负载用户 ${prefix}-${index}`,
            password: 'Start1234x',
            organisationId: users.organisationId,
            roleIds: users.roleIds,
          })
        : await client.post(`/dictionaries/${dictionary}/items`, {
            code: name,
            label: `负载 ${prefix}-${index}`,
            labelEn: `load ${prefix}-${index}`,
            sortOrder: index % 10_000,
            enabled: true,
          });
    } catch {
      load.failedInFlight += 1; // the connection died with the server: not acknowledged
      return;
    }
    if (response.status === 201) {
      const entry = { kind, name, id: response.json.id, ackAt: performance.now() };
      load.acknowledged.set(key, entry);
      onAcknowledged?.(load.acknowledged.size, entry);
    } else {
      load.unexpected.push(`${key}: ${response.status} ${response.text.slice(0, 200)}`);
    }
  };

  const worker = async () => {
    while (!load.halted && load.sent < limit) {
      const index = load.sent;
      load.sent += 1;
      await writeOne(index);
    }
  };
  load.done = Promise.all(Array.from({ length: concurrency }, worker)).then(() => load);
  return load;
}
