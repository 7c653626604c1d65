/**
 * @module
 * The transaction as callers send it, declared once with TypeBox (issue 18): the JSON Schema that
 * `parseTransaction` checks a record against before it normalises it, that `POST /trade/check`
 * publishes in `/openapi.json`, and the TypeScript type of the input (`Static<>`).
 *
 * The schema is as lenient as the parser was before it (issue 4 inputs must keep passing): ids and
 * HS codes as strings or numbers, any optional field may be `null`, strings are trimmed (so a
 * "non-empty" string is one with a non-blank character), units are any word, an exemption is a
 * string or a list. What a schema cannot say cleanly stays in the parser: whether two letters are
 * an ISO 3166 code, whether a date is on the calendar, the HS code's digits, the unit's
 * normalisation, and the rule that a quantity needs a unit.
 *
 * Each schema may carry `errorMessage` (the ajv-errors keyword): the words the parser puts after
 * the field's JSON pointer when the value does not fit.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';

/** Any optional field of a transaction may also be `null`, read as absent. */
function opt<T extends TSchema>(schema: T) {
  return Type.Optional(Type.Union([schema, Type.Null()], { errorMessage: schema.errorMessage }));
}

/** A string with a non-blank character (values are trimmed). */
function text(description: string, extra: Record<string, unknown> = {}) {
  return Type.String({
    pattern: '\\S',
    description,
    errorMessage: 'must be a non-empty string',
    ...extra,
  });
}

/** ISO 3166-1 alpha-2, any case (the parser checks the code exists and lower-cases it). */
function country(description: string) {
  return Type.String({
    pattern: '^\\s*[A-Za-z]{2}\\s*$',
    description: `${description}: ISO 3166-1 alpha-2 code (names and alpha-3 codes are refused)`,
    examples: ['KP'],
    errorMessage: 'is not an ISO 3166 alpha-2 country code',
  });
}

/** A day, YYYY-MM-DD (the parser checks it is on the calendar). */
function day(description: string) {
  return Type.String({
    pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    description: `${description} (YYYY-MM-DD)`,
    examples: ['2018-03-10'],
    errorMessage: 'is not a date YYYY-MM-DD',
  });
}

/** A number ≥ 0. */
function amount(description: string) {
  return Type.Number({ minimum: 0, description, errorMessage: 'must be a number ≥ 0' });
}

/** A yes/no flag of the US nexus. */
function flag(description: string) {
  return opt(Type.Boolean({ description, errorMessage: 'must be true or false' }));
}

/** An IMO number: seven digits, optionally written `IMO 1234567`. */
const IMO = Type.Union(
  [
    Type.String({ pattern: '^\\s*(?:[Ii][Mm][Oo]\\s*)?\\d{7}\\s*$' }),
    Type.Integer({ minimum: 1_000_000, maximum: 9_999_999 }),
  ],
  {
    description: 'IMO number: 7 digits, with or without the `IMO` prefix',
    examples: ['IMO 7937317'],
    errorMessage: 'is not an IMO number (7 digits)',
  },
);

/** A party to the transaction. */
export const TxPartyInput = Type.Object(
  {
    role: text(
      'exporter, importer, consignee, shipper, carrier, owner, bank, notify, agent, vessel…',
      { examples: ['exporter'] },
    ),
    name: text('the name as written in the documents', { examples: ['Korea Mining Development'] }),
    country: opt(country('where the party is')),
    nationality: opt(country('nationality of a person')),
    identifiers: Type.Optional(
      Type.Record(
        Type.String(),
        Type.Union([text('identifier'), Type.Number()], {
          errorMessage: 'must be a non-empty string',
        }),
        {
          description:
            'identifiers by kind: imo, passport, registration, tax, swift… (strings or numbers)',
          errorMessage: 'must be an object',
        },
      ),
    ),
  },
  { description: 'a party to the transaction', errorMessage: 'must be an object' },
);

/** A ship-to-ship transfer the vessel took part in. */
const StsInput = Type.Object(
  { imo: opt(IMO), name: opt(text('name of the other vessel')), date: opt(day('date')) },
  { description: 'a ship-to-ship transfer', errorMessage: 'must be an object' },
);

/** The vessel carrying the goods. */
const VesselInput = Type.Object(
  {
    name: opt(text('the vessel name')),
    imo: opt(IMO),
    flag: opt(country('flag state')),
    sts: Type.Optional(
      Type.Array(StsInput, {
        description: 'ship-to-ship transfers',
        errorMessage: 'must be an array',
      }),
    ),
  },
  { description: 'the vessel carrying the goods', errorMessage: 'must be an object' },
);

/** A port call on the way. */
const PortCallInput = Type.Object(
  {
    port: opt(text('port name')),
    country: country('country of the port'),
    date: opt(day('date of the call')),
  },
  { description: 'a port call', errorMessage: 'must be an object' },
);

/** Where the goods go. */
const RouteInput = Type.Object(
  {
    origin: opt(country('where the goods leave from')),
    destination: opt(country('where the goods go')),
    transshipment: Type.Optional(
      Type.Array(country('transshipment country'), {
        description: 'countries of transshipment',
        errorMessage: 'must be an array',
      }),
    ),
    port_calls: Type.Optional(
      Type.Array(PortCallInput, { description: 'port calls', errorMessage: 'must be an array' }),
    ),
  },
  { description: 'where the goods go', errorMessage: 'must be an object' },
);

/** One goods line. */
export const TxGoodsInput = Type.Object(
  {
    hs: Type.Union([text('HS code'), Type.Integer({ minimum: 0 })], {
      description:
        'HS code of 2, 4, 6, 8 or 10 digits; dots and spaces are allowed (`2701.12`), a number too',
      examples: ['2701.12'],
      errorMessage: 'must be a non-empty string',
    }),
    description: opt(text('the goods in words')),
    origin: opt(country('where the goods were made')),
    quantity: opt(amount('quantity, in `unit` (required with a quantity)')),
    unit: opt(
      text(
        'unit: t, kg, g, bbl, l, m3, pcs, pair, dozen, set, m2, their usual words or UN/CEFACT Rec. 20 codes (TNE, KGM, BLL…); another unit is kept but counts against no cap',
        { examples: ['TNE'] },
      ),
    ),
    value: opt(
      Type.Object(
        {
          amount: amount('amount in the currency'),
          currency: Type.String({
            pattern: '^\\s*[A-Za-z]{3}\\s*$',
            description: 'ISO 4217 currency code',
            examples: ['USD'],
            errorMessage: 'is not an ISO 4217 code',
          }),
        },
        { description: 'declared value', errorMessage: 'must be an object' },
      ),
    ),
  },
  { description: 'a goods line', errorMessage: 'must be an object' },
);

/** The US nexus: what makes a US measure bind whatever the user's own authority. */
const NexusInput = Type.Object(
  {
    us_person: flag(
      'a US person (citizen, permanent resident, US entity or anyone in the US) exports, supplies or serves',
    ),
    usd: flag('the payment is in US dollars'),
    us_origin: flag('the goods are US-origin items (subject to the EAR, 15 CFR 746.4)'),
    us_facilitation: flag(
      "a US person approves, finances, facilitates or guarantees a foreign person's transaction (EO 13722 sec. 3(a)(iii))",
    ),
  },
  { description: 'the US nexus', errorMessage: 'must be an object' },
);

/** What the parties declare. */
const DeclarationsInput = Type.Object(
  {
    purpose: opt(text('declared purpose: livelihood, humanitarian…')),
    contract_date: opt(day('date the contract was signed (wind-downs)')),
    exemption: opt(
      Type.Union([text('exemption key'), Type.Array(text('exemption key'))], {
        description:
          'exemption keys claimed (livelihood, humanitarian, committee-approval, rajin-transit, civil-aircraft-spares, aviation-fuel-return-flight…): a string or a list',
        errorMessage: 'must be a non-empty string or a list of them',
      }),
    ),
    approval_ref: opt(text('reference of a Committee approval or licence')),
  },
  {
    description:
      'what the parties declare; the tool cannot confirm it, so it leads to REVIEW at best',
    errorMessage: 'must be an object',
  },
);

/** The kinds of transaction, as the schema accepts them (trimmed, lower case). */
const KIND_PATTERN = '^\\s*(shipment|payment|charter|service)\\s*$';

/**
 * A transaction as sent (one line of a book, or the body of `POST /trade/check`). Unknown fields
 * at the top are refused (a misspelt `goods` would otherwise be judged as no goods at all).
 */
export const TransactionInput = Type.Object(
  {
    id: Type.Union([text('id'), Type.Number()], {
      description: 'your reference, unique within a book (cap ledgers are keyed by it)',
      examples: ['t1'],
      errorMessage: 'must be a non-empty string',
    }),
    date: day('date of the transaction: the day the measures in force are judged on'),
    kind: opt(
      Type.String({
        pattern: KIND_PATTERN,
        description: 'shipment (default), payment, charter or service',
        examples: ['shipment'],
        errorMessage: 'use shipment, payment, charter, service',
      }),
    ),
    parties: Type.Optional(
      Type.Union(
        [
          Type.Array(TxPartyInput, { description: 'the parties, screened against the lists' }),
          Type.Null(),
        ],
        { errorMessage: 'must be an array' },
      ),
    ),
    vessel: opt(VesselInput),
    route: opt(RouteInput),
    goods: Type.Optional(
      Type.Union(
        [
          Type.Array(TxGoodsInput, {
            description: 'the goods lines; a shipment needs at least one',
          }),
          Type.Null(),
        ],
        { errorMessage: 'must be an array' },
      ),
    ),
    nexus: opt(NexusInput),
    services: opt(
      Type.Array(
        text('a service: ship management, chartering, brokering, insurance, registration…'),
        {
          description: 'what a service or charter provides, in words',
          errorMessage: 'must be an array',
        },
      ),
    ),
    declarations: opt(DeclarationsInput),
  },
  {
    title: 'Transaction',
    description:
      'A shipment, payment, charter or service to judge. Countries are ISO 3166 alpha-2, HS codes digits (dots allowed), units the usual words or UN/CEFACT Rec. 20 codes.',
    additionalProperties: false,
    errorMessage: 'must be an object',
  },
);

/** A transaction as sent: the type of {@link TransactionInput}. */
export type TransactionInput = Static<typeof TransactionInput>;
