/**
 * Passwords that top every leaked-password list (6 characters or more, lower case). Sign-up and
 * password changes refuse them, on the device and in the local Auth server, as hosted Supabase
 * Auth's leaked-password protection does (reason `pwned`).
 */
const COMMON_PASSWORDS = new Set(
  (
    '123456 password 12345678 qwerty 123456789 111111 1234567 dragon 123123 baseball abc123 football monkey letmein 696969 shadow master ' +
    '666666 qwertyuiop 123321 mustang 1234567890 michael 654321 superman 1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer trustno1 ' +
    'jordan jennifer zxcvbnm asdfgh hunter buster soccer harley batman andrew tigger sunshine iloveyou charlie robert thomas hockey ' +
    'ranger daniel starwars klaster 112233 george computer michelle jessica pepper zxcvbn 555555 11111111 131313 freedom 777777 maggie ' +
    '159753 aaaaaa ginger princess joshua cheese amanda summer ashley nicole chelsea biteme matthew access yankees 987654321 dallas ' +
    'austin thunder taylor matrix password1 password123 welcome admin123 passw0rd qwerty123 abcd1234 1q2w3e4r 1q2w3e4r5t qwe123 ' +
    'zaq12wsx iloveyou1 football1 baseball1 welcome1 monkey1 letmein1 secret 123abc 888888 fitness workout gym123 fitcoach'
  ).split(' '),
);

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.trim().toLowerCase());
}

/** Hosted Auth's words for a refused leaked password. */
export const COMMON_PASSWORD_MESSAGE = 'This password is one of the most common ones and easy to guess. Choose another.';
