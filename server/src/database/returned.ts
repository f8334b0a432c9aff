/** The rows of an UPDATE/DELETE … RETURNING: TypeORM's pg driver answers those as [rows, count], a SELECT as rows. */
export function returned<T = unknown>(res: unknown): T[] {
  return (Array.isArray(res) && Array.isArray(res[0]) ? res[0] : res) as T[];
}
