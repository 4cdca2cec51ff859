import { createServer, Packet } from 'dns2';

/**
 * An authoritative-looking DNS server (dns2, UDP) on 127.0.0.1 and a free port, answering from
 * the zone it is given. Names not in the zone get NXDOMAIN; a known name without the asked type
 * gets an empty answer (NODATA); names in `silent` get no answer at all (a resolver timeout).
 * Point a monitor at it with `resolver: peer.address` ("127.0.0.1:<port>").
 */
export interface DnsRecords {
  A?: string[];
  AAAA?: string[];
  CNAME?: string;
  MX?: { priority: number; exchange: string }[];
  NS?: string[];
  /** Each record is one string or the character strings it is split into. */
  TXT?: (string | string[])[];
}

export interface DnsPeer {
  /** "127.0.0.1:<port>" */
  address: string;
  port: number;
  /** Questions received, as "TYPE name". */
  queries: string[];
  zone: Record<string, DnsRecords>;
  close(): Promise<void>;
}

const TYPE_NAMES = new Map<number, keyof DnsRecords>([
  [Packet.TYPE.A, 'A'],
  [Packet.TYPE.AAAA, 'AAAA'],
  [Packet.TYPE.CNAME, 'CNAME'],
  [Packet.TYPE.MX, 'MX'],
  [Packet.TYPE.NS, 'NS'],
  [Packet.TYPE.TXT, 'TXT'],
]);
const NXDOMAIN = 3;

export async function startDnsPeer(zone: Record<string, DnsRecords>, options: { silent?: string[] } = {}): Promise<DnsPeer> {
  const queries: string[] = [];
  const lowerZone = new Map(Object.entries(zone).map(([name, records]) => [name.toLowerCase().replace(/\.$/, ''), records]));
  const silent = new Set((options.silent ?? []).map((name) => name.toLowerCase()));
  const server = createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      const [question] = request.questions;
      if (!question) return void send(response);
      const name = question.name.toLowerCase();
      const type = TYPE_NAMES.get(question.type);
      queries.push(`${type ?? question.type} ${name}`);
      if (silent.has(name)) return;
      const records = lowerZone.get(name);
      if (!records) {
        (response.header as { rcode: number }).rcode = NXDOMAIN;
        return void send(response);
      }
      if (type) response.answers.push(...answers(name, type, records));
      void send(response);
    },
  });
  const addresses = await server.listen({ udp: { port: 0, address: '127.0.0.1' } });
  const port = addresses.udp?.port ?? 0;
  return { address: `127.0.0.1:${port}`, port, queries, zone, close: () => server.close() };
}

function answers(name: string, type: keyof DnsRecords, records: DnsRecords): ReturnType<typeof Packet.createResourceFromQuestion>[] {
  const base = { name, type: Packet.TYPE[type], class: Packet.CLASS.IN, ttl: 60 };
  const made: object[] = [];
  switch (type) {
    case 'A':
    case 'AAAA':
      for (const address of records[type] ?? []) made.push({ ...base, address });
      break;
    case 'CNAME':
      if (records.CNAME) made.push({ ...base, domain: records.CNAME });
      break;
    case 'MX':
      for (const mx of records.MX ?? []) made.push({ ...base, ...mx });
      break;
    case 'NS':
      for (const ns of records.NS ?? []) made.push({ ...base, ns });
      break;
    case 'TXT':
      for (const data of records.TXT ?? []) made.push({ ...base, data });
      break;
  }
  return made as ReturnType<typeof Packet.createResourceFromQuestion>[];
}
