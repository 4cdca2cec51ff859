export async function importFile(_file: string, _opts: unknown): Promise<void> {}
export async function exportRegistry(_opts: unknown): Promise<void> {}
