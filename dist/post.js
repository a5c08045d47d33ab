import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  post
} from "./chunks/chunk-FVFIJGB7.js";
import "./chunks/chunk-SFJXSL7D.js";

// src/action/post.ts
await post();
