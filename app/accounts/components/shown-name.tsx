import { useT } from "../../kernel/components/i18n";
import { shownPseudonym } from "../domain/pseudonym";

/**
 * A stored name or title, isolated for right-to-left pages: an erased person's or application's
 * pseudonym is shown in the reader's language, any other text as it is.
 */
export function ShownName({ text }: { text: string }) {
  const t = useT();
  return <bdi>{shownPseudonym(text, t)}</bdi>;
}
