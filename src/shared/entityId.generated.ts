/** Generated from seeds/companies.json by scripts/build/entityIds.ts (`npm run companies`): do not edit. */
export type EntityId = 'tiktok' | 'bytedance' | 'oracle';
