import type { ValidatorName } from "../contracts/pack.js";

/** Checks that tell a real IBAN, card number, BSN or private address from a look-alike string of digits. */
export const VALIDATORS: Record<ValidatorName, (match: string) => boolean> = {
	iban: isValidIban,
	luhn: passesLuhn,
	bsn: passesElevenTest,
	"private-ip": isPrivateIpv4,
};

/** ISO 13616: move the country code and check digits to the end, letters to numbers, remainder mod 97 must be 1. */
function isValidIban(match: string): boolean {
	const iban = match.replace(/[\s-]/g, "").toUpperCase();
	if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
	const digits = `${iban.slice(4)}${iban.slice(0, 4)}`.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
	let remainder = 0;
	for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
	return remainder === 1;
}

function passesLuhn(match: string): boolean {
	const digits = match.replace(/\D/g, "");
	if (digits.length < 12) return false;
	let sum = 0;
	for (const [index, char] of [...digits].reverse().entries()) {
		let value = Number(char);
		if (index % 2 === 1) value = value * 2 > 9 ? value * 2 - 9 : value * 2;
		sum += value;
	}
	return sum % 10 === 0;
}

/** The Dutch BSN "elfproef": weights 9..2 and -1, the sum divisible by 11. */
function passesElevenTest(match: string): boolean {
	const digits = match.replace(/\D/g, "");
	if (digits.length !== 9) return false;
	const sum = [...digits].reduce((total, char, index) => total + Number(char) * (index === 8 ? -1 : 9 - index), 0);
	return sum % 11 === 0 && sum !== 0;
}

function isPrivateIpv4(match: string): boolean {
	const parts = match.split(".").map(Number);
	if (parts.length !== 4 || parts.some((part) => !Number.isInteger(part) || part < 0 || part > 255)) return false;
	const [first, second] = parts as [number, number];
	return first === 10 || (first === 172 && second >= 16 && second <= 31) || (first === 192 && second === 168);
}
