import type { Messages } from "./index";
import en from "./en";

const ar: Messages = { ...en };

export default ar;
