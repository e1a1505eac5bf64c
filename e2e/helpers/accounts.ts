// Accounts that exist in every e2e run (created by global-setup.ts before the server starts).

/** The operator made with `yorozu admin create-operator`; confirmed, can log in at once. */
export const OPERATOR = {
  email: 'operator@example.jp',
  password: 'operator-pass-123',
  displayName: '運営担当',
} as const;

/** A fresh address per call, so tests never collide on the shared server. */
export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.jp`;
}
