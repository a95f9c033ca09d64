/** The permission that uploads and declares; a member without it sees the page read-only. */
export const EDIT_PERMISSION = 'customs:orders:edit';
export const READ_ONLY_REASON = '只读成员不能报送';
/** The server's limit (settings.CUSTOMS_IMPORT_MAX_BYTES); the API does not publish it, the server enforces it. */
export const MAX_UPLOAD_BYTES = 60 * 1024 * 1024;
