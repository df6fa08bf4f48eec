import { randomBytes } from 'node:crypto';

// In-flight writes live beside their target as `.<name>.<16 hex>.partial`; list() hides
// them and put() refuses keys shaped like them, so they can never be mistaken for artifacts.
const TEMP_NAME = /^\..+\.[0-9a-f]{16}\.partial$/;

export function tempFileName(targetName: string): string {
  return `.${targetName}.${randomBytes(8).toString('hex')}.partial`;
}

export function isTempFileName(name: string): boolean {
  return TEMP_NAME.test(name);
}
