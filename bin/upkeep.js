#!/usr/bin/env node
// Upkeep runs its TypeScript sources directly; tsx compiles them as they load.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
