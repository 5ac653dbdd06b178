import type { Messages } from "./index";
import en from "./en";

const fr: Messages = { ...en };

export default fr;
