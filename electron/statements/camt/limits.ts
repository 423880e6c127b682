/**
 * Bounds for XML bank files, so a hostile or broken file is refused before it can exhaust memory.
 *
 * Size: a camt.053 of 100 000 entries with transaction details, indented the way ING and ABN AMRO
 * write them, is about 125 MB (bench `statements-read-camt`). A club account books a few thousand
 * entries a year, so 256 MiB leaves twice the largest file we measured while keeping the reader's
 * peak memory (the bytes, the decoded text and the entries read) within the 500 MB the issue allows.
 */
export const MAX_XML_BYTES = 256 * 1024 * 1024;

/**
 * Depth: the deepest path in any camt.052/053/054 or pain.002 version is about 16 elements
 * (Document/BkToCstmrStmt/Stmt/Ntry/NtryDtls/TxDtls/RltdPties/Dbtr/Pty/Id/PrvtId/Othr/SchmeNm/Cd).
 * 64 is far beyond any real file and keeps the tree walk shallow.
 */
export const MAX_XML_DEPTH = 64;

/**
 * Elements held at once. Entries are read and dropped as they close, so a statement of any length
 * holds only its header and one entry; what stays is a pain.002 (about 40 elements per rejected
 * debit) and the header parts. Two million is some 50 000 rejects, far beyond a club's
 * collection, and bounds the tree at a few hundred MB for a hostile file of tiny elements.
 */
export const MAX_XML_ELEMENTS_HELD = 2_000_000;
