/**
 * Request headers the browser client and the API share.
 * PROVINCE_HEADER: the province a page works in, which a national admin's calls about a record
 * known by its id must name (the record lives in that province's database, docs/sharding.md).
 */
export const PROVINCE_HEADER = 'X-Tung-Ngo-Province';
