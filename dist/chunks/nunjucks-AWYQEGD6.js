import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  require_nunjucks
} from "./chunk-TC5M5IGD.js";
import "./chunk-37K7DFDN.js";
export default require_nunjucks();
