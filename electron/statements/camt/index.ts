import { StatementReadError, type BankFile, type StatementFormat } from '../model';
import { decodeXmlBytes, type DecodedXml } from './encoding';
import { MAX_XML_BYTES, MAX_XML_ELEMENTS_HELD } from './limits';
import { readStatusReport } from './pain002';
import { addEntry, addEntryFromSlots, newBlock, readBlock, type BlockEntries } from './statements';
import { NotPlainXml, parsePlainXml, type EntryTaker } from './plainXml';
import { childrenNamed, parseXml, type OnClose, type XNode } from './xml';

/** The message element under Document decides the format; its statement-level block name follows. */
const MESSAGES: Record<string, { format: StatementFormat; block: string | null }> = {
  BkToCstmrStmt: { format: 'camt.053', block: 'Stmt' },
  BkToCstmrDbtCdtNtfctn: { format: 'camt.054', block: 'Ntfctn' },
  BkToCstmrAcctRpt: { format: 'camt.052', block: 'Rpt' },
  CstmrPmtStsRpt: { format: 'pain.002', block: null },
};

/** Files people may drop here by mistake, named so the refusal says what they are. */
const NOT_FROM_THE_BANK: Record<string, [string, string]> = {
  CstmrDrctDbtInitn: ['een incassobestand (pain.008) dat Penning zelf maakt', 'a direct debit file (pain.008) that Penning writes itself'],
  CstmrCdtTrfInitn: ['een overboekingsbestand (pain.001)', 'a credit transfer file (pain.001)'],
};

/**
 * camt.052/053/054 and pain.002 (ISO 20022 XML), every version, read by local element names.
 * Entries are read as they stream by and their element trees dropped, so a 100 000-entry
 * statement stays within memory; anything unreadable is one StatementReadError naming where.
 * `maxHeld` is the bound on elements held outside entries (tests lower it).
 */
export function readXmlBankFile(bytes: Uint8Array, maxHeld = MAX_XML_ELEMENTS_HELD): BankFile {
  if (bytes.length > MAX_XML_BYTES) {
    const mb = (n: number) => Math.round(n / 1024 / 1024);
    throw new StatementReadError(
      'bestand',
      `Het bestand is ${mb(bytes.length)} MB; Penning leest XML-bankbestanden tot ${mb(MAX_XML_BYTES)} MB (vraag de bank om afschriften per maand)`,
      `The file is ${mb(bytes.length)} MB; Penning reads XML bank files up to ${mb(MAX_XML_BYTES)} MB (ask the bank for monthly statements)`,
    );
  }
  const decoded = decodeXmlBytes(bytes);
  try {
    return readDecoded(decoded, maxHeld, fast);
  } catch (e) {
    // saxes reads what the fast path does not, and words every refusal of malformed XML
    if (!(e instanceof NotPlainXml)) throw e;
  }
  return readDecoded(decoded, maxHeld, saxes);
}

/** The same reading with saxes alone: the reference the fast path is tested against. */
export function readXmlBankFileWithSaxes(bytes: Uint8Array, maxHeld = MAX_XML_ELEMENTS_HELD): BankFile {
  return readDecoded(decodeXmlBytes(bytes), maxHeld, saxes);
}

type Parse = (decoded: DecodedXml, onClose: OnClose, maxHeld: number, entries: EntryTaker) => XNode;
const fast: Parse = (decoded, onClose, maxHeld, entries) => parsePlainXml(decoded.plain, onClose, maxHeld, entries);
const saxes: Parse = (decoded, onClose, maxHeld) => parseXml(decoded.chunks(), onClose, maxHeld);

/** The statement-level block name when an Ntry under these ancestors is one of its entries, else null. */
function entryBlock(ancestors: readonly XNode[]): string | null {
  if (ancestors.length !== 3 || ancestors[0]!.name !== 'Document') return null;
  const blockName = MESSAGES[ancestors[1]!.name]?.block;
  return blockName && ancestors[2]!.name === blockName ? blockName : null;
}

function readDecoded(decoded: DecodedXml, maxHeld: number, parse: Parse): BankFile {
  const { encoding, declared } = decoded;
  const blocks = new Map<XNode, { index: number; entries: BlockEntries }>();
  const blockOf = (ancestors: readonly XNode[], blockName: string) => {
    const [, message, blockNode] = ancestors as [XNode, XNode, XNode];
    let block = blocks.get(blockNode);
    if (!block) {
      // earlier blocks are already closed and kept in the tree, so this one's number is theirs + 1
      block = { index: childrenNamed(message, blockName).length + 1, entries: newBlock() };
      blocks.set(blockNode, block);
    }
    return block;
  };
  const entries: EntryTaker = {
    wants: (ancestors) => entryBlock(ancestors) !== null,
    take(slots, ancestors) {
      const blockName = entryBlock(ancestors)!;
      const block = blockOf(ancestors, blockName);
      return addEntryFromSlots(block.entries, slots, blockName, block.index);
    },
  };

  const root = parse(
    decoded,
    (node, ancestors) => {
      const blockName = node.name === 'Ntry' ? entryBlock(ancestors) : null;
      if (blockName === null) return false;
      const block = blockOf(ancestors, blockName);
      addEntry(block.entries, node, blockName, block.index);
      return true;
    },
    maxHeld,
    entries,
  );

  const message = root.first;
  const kind = message ? MESSAGES[message.name] : undefined;
  if (!message || !kind) {
    const found = message?.name ?? '';
    const known = NOT_FROM_THE_BANK[found];
    throw new StatementReadError(
      found ? `Document/${found}` : 'Document',
      known ? `Dit is ${known[0]}, geen bankafschrift of statusrapport` : `Dit XML-bestand is geen camt.052/053/054 of pain.002${found ? ` (gevonden: <${found}>)` : ''}`,
      known ? `This is ${known[1]}, not a bank statement or status report` : `This XML file is not a camt.052/053/054 or pain.002${found ? ` (found: <${found}>)` : ''}`,
    );
  }

  const common = { format: kind.format, variant: variantOf(root, kind.format), encoding, declaredEncoding: declared && declared !== encoding ? declared : null };
  if (kind.block === null) return { ...common, statements: [], statusReport: readStatusReport(message) };

  const blockName = kind.block;
  const statementNodes = childrenNamed(message, blockName);
  if (statementNodes.length === 0) {
    throw new StatementReadError(`Document/${message.name}`, `Het bestand bevat geen ${blockName}-blok`, `The file holds no ${blockName} block`);
  }
  const statements = statementNodes.map((node, i) => readBlock(node, blockName, i + 1, blocks.get(node)?.entries ?? newBlock()));
  return { ...common, statements, statusReport: null };
}

/** "camt.053.001.02" from the namespace, when it names the same message; else just the format. */
function variantOf(root: XNode, format: StatementFormat): string {
  for (const value of Object.values(root.attrs)) {
    const m = /((?:camt|pain)\.\d{3})\.\d{3}\.\d{2}/.exec(value);
    if (m && m[1] === format) return m[0];
  }
  return format;
}
