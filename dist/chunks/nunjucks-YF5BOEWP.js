import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  require_nunjucks
} from "./chunk-UFXFPX5H.js";
import "./chunk-SFJXSL7D.js";
export default require_nunjucks();
