/** `beian guard` interceptions: hashed user ids and PII-masked excerpts only, never API keys. */
export interface GuardTables {
  guard_interceptions: {
    id: string;
    created_at: string;
    direction: string; // input | output
    risk: string;
    keyword: string;
    keyword_id: string; // library file:line
    action: string; // block | mask | flag | suspend
    user_hash: string | null;
    excerpt: string; // PII masked
  };
}
