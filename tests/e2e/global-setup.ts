/**
 * Starts the already built app (`remix build && playwright test`) on a free port with a fresh
 * database, mail, upload and setup-token paths in a temp dir. Workers inherit the E2E_* env.
 */
import { startServer } from "./support/server";

export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await startServer();
  process.env.E2E_BASE_URL = server.baseURL;
  process.env.E2E_DATABASE_PATH = server.env.DATABASE_PATH;
  process.env.E2E_MAIL_DIR = server.env.MAIL_DIR;
  process.env.E2E_UPLOAD_DIR = server.env.UPLOAD_DIR;
  process.env.E2E_SETUP_TOKEN_FILE = server.env.SETUP_TOKEN_FILE;
  process.env.E2E_TMP_DIR = server.tmp;
  process.env.E2E_SERVER_LOG = server.logFile;
  console.log(`e2e: server on ${server.baseURL}, data in ${server.tmp}`);
  return server.stop;
}
