import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32
const RANDOM_CHARS = 16; // 80 bits

let lastTime = -1;
let lastRandom: number[] = [];

function encodeTime(time: number): string {
  let out = "";
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[time % 32] + out;
    time = Math.floor(time / 32);
  }
  return out;
}

function freshRandom(): number[] {
  return [...randomBytes(RANDOM_CHARS)].map((byte) => byte % 32);
}

/** Adds one to the random part (base32 digits); false when it was already the largest value. */
function incrementRandom(digits: number[]): boolean {
  for (let i = digits.length - 1; i >= 0; i--) {
    if (digits[i] < 31) {
      digits[i]++;
      return true;
    }
    digits[i] = 0;
  }
  return false;
}

/**
 * A 26-character ULID (time in ms, then 80 random bits). Monotonic within this process: within one
 * millisecond (or if the clock steps back) the random part of the previous one is incremented, so
 * ids made one after the other always sort in creation order.
 */
export function ulid(now: number = Date.now()): string {
  if (now <= lastTime) {
    if (!incrementRandom(lastRandom)) {
      // 2^80 ids in one millisecond cannot happen; borrow the next millisecond rather than repeat
      lastTime += 1;
      lastRandom = freshRandom();
    }
  } else {
    lastTime = now;
    lastRandom = freshRandom();
  }
  return encodeTime(lastTime) + lastRandom.map((digit) => ALPHABET[digit]).join("");
}
