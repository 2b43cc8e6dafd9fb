// Fictitious persons for demo and generated test data: valid check digit, never a real person
// (every row is marked fictitious). Deterministic for a given seed.
import { addDays } from '../platform/calendar';
import { luhnDigit } from './identity-number';


const FIRST_F = ['Anna', 'Maria', 'Elin', 'Sara', 'Ida', 'Karin', 'Emma', 'Linnea', 'Aisha', 'Fatima', 'Greta', 'Maja', 'Sofia', 'Alva', 'Noor', 'Astrid', 'Leila', 'Hedda', 'Tuva', 'Wilma'];
const FIRST_M = ['Erik', 'Lars', 'Johan', 'Ali', 'Omar', 'Nils', 'Oskar', 'Karl', 'Ahmed', 'Lucas', 'Liam', 'Hugo', 'Elias', 'Anton', 'Mohammed', 'Viktor', 'Arvid', 'Gustav', 'Ibrahim', 'Sixten'];
const LAST = ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Jönsson', 'Lindberg', 'Jakobsson', 'Magnusson', 'Olofsson', 'Lindström', 'Lindqvist', 'Lindgren', 'Berg', 'Axelsson', 'Bergström', 'Lundberg', 'Lind', 'Lundgren', 'Mattsson', 'Berglund', 'Fredriksson', 'Sandberg', 'Henriksson', 'Forsberg', 'Sjöberg', 'Wallin', 'Engström', 'Eklund', 'Danielsson', 'Lundin', 'Håkansson', 'Björk', 'Bergman', 'Gunnarsson', 'Holm', 'Wikström', 'Samuelsson', 'Isaksson', 'Fransson', 'Bergqvist', 'Nyström', 'Holmberg', 'Arvidsson', 'Löfgren', 'Söderberg', 'Nyberg', 'Blomqvist', 'Claesson', 'Nordström', 'Ali', 'Hassan', 'Mohammed', 'Yilmaz', 'Nguyen', 'Kowalski', 'Öberg', 'Åberg', 'Ström', 'Ek'];
const STREETS = ['Storgatan', 'Kyrkogatan', 'Skolgatan', 'Parkvägen', 'Björkvägen', 'Ringvägen', 'Järnvägsgatan', 'Torggatan', 'Ängsvägen', 'Åsvägen'];

/** Small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 12-digit personnummer with a valid check digit for the given date, serial (0–999) and sex. */
export function makePersonnummer(birthDate: string, serial: number, sex: 'female' | 'male'): string {
  const [y, m, d] = birthDate.split('-');
  let s = serial % 1000;
  // The ninth digit (last of the serial) is even for women, odd for men.
  if ((s % 2 === 0) !== (sex === 'female')) s = (s + 1) % 1000;
  const nine = `${y.slice(2)}${m}${d}${String(s).padStart(3, '0')}`;
  return `${y}${m}${d}${String(s).padStart(3, '0')}${luhnDigit(nine)}`;
}

export interface FictitiousPerson {
  identityNumber: string;
  birthDate: string;
  sex: 'female' | 'male';
  firstName: string;
  lastName: string;
  streetAddress: string;
  postalCode: string;
  city: string;
  phone: string;
}

/** The i-th fictitious person of a seeded series; unique numbers for i < ~36 million. */
export function fictitiousPerson(i: number, rand: () => number, city = 'Demoby'): FictitiousPerson {
  const sex = rand() < 0.5 ? 'female' : 'male';
  // Spread over birth dates 1930–2009 so numbers rarely collide; the serial makes them unique.
  const dayIndex = i % 29200;
  const birthDate = addDays('1930-01-01', dayIndex);
  const serial = 2 + Math.floor(i / 29200) * 2; // serial 000 is never issued
  const first = sex === 'female' ? FIRST_F : FIRST_M;
  return {
    identityNumber: makePersonnummer(birthDate, serial, sex),
    birthDate,
    sex,
    firstName: first[Math.floor(rand() * first.length)],
    lastName: LAST[Math.floor(rand() * LAST.length)],
    streetAddress: `${STREETS[Math.floor(rand() * STREETS.length)]} ${1 + Math.floor(rand() * 60)}`,
    postalCode: `${100 + Math.floor(rand() * 890)} ${String(Math.floor(rand() * 100)).padStart(2, '0')}`,
    city,
    phone: `070-${String(Math.floor(rand() * 1000)).padStart(3, '0')} ${String(Math.floor(rand() * 100)).padStart(2, '0')} ${String(Math.floor(rand() * 100)).padStart(2, '0')}`,
  };
}
