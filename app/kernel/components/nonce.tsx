import { createContext, useContext } from "react";

// The per-request CSP nonce; in the browser it is empty (browsers hide nonces from the DOM).
const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
