import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  post
} from "./chunks/chunk-ZHLSFX4C.js";
import "./chunks/chunk-SFJXSL7D.js";

// src/action/post.ts
await post();
