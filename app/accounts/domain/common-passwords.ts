// A short list of passwords of 12 characters or more that appear at the top of public
// breach corpora; anything shorter is already refused by the length rule.
export const COMMON_PASSWORDS = new Set([
  "123456789012", "1234567890123", "12345678901234", "123456789123", "111111111111", "000000000000",
  "password1234", "password12345", "password123456", "passwordpassword", "password1234!", "p@ssw0rd1234",
  "qwertyuiop12", "qwertyuiopasdf", "qwerty123456", "qwertyqwerty", "1q2w3e4r5t6y", "1qaz2wsx3edc",
  "iloveyou1234", "welcome12345", "letmein12345", "administrator", "admin1234567", "changeme1234",
  "abcdefghijkl", "abc123456789", "aaaaaaaaaaaa", "zaq12wsxcde3", "football1234", "baseball1234",
  "monkey123456", "dragon123456", "sunshine1234", "princess1234", "superman1234", "trustno11234",
  "motdepasse12", "motdepasse123", "motdepasse1234", "azertyuiop12", "azerty123456", "azertyazerty",
  "unesco123456", "unesco2024!!", "education123", "education1234", "prize1234567",
]);

export function isWeakPassword(password: string): boolean {
  if (password.length < 12) return true;
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return true;
  return new Set(password).size < 4;
}
