/**
 * Keystatic's editing UI, in the browser only (client:only). Its file API is the staff listener's
 * /api/keystatic/…, behind the publisher's sign-in (src/editor/keystatic-api.ts).
 */
import type { Config } from '@keystatic/core';
import { Keystatic } from '@keystatic/core/ui';
import keystaticConfig from '../../editor/keystatic-config.ts';

// The collections per language are built from the locale list, so their names are not literal types.
const editorConfig: Config = keystaticConfig as Config;

/** The whole editor: collections per language, the services directory and the organisation profile. */
export default function Editor() {
  return <Keystatic config={editorConfig} />;
}
