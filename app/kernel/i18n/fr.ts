// The French messages as one dictionary, for code that wants a single language; the texts are
// written side by side with the other languages in core.ts and areas/.
import { catalogues } from "./catalogues";

export default catalogues.fr;
