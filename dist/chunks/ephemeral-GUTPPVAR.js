import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  discardEphemeral,
  ephemeralFlow
} from "./chunk-II6JEI5M.js";
import "./chunk-2KYKZ3OY.js";
import "./chunk-HYBTJBPM.js";
import "./chunk-4CIYU6N5.js";
import "./chunk-7TLYVLNA.js";
import "./chunk-ZXYRMQQA.js";
import "./chunk-W3LW53PW.js";
import "./chunk-XSTXBMLW.js";
import "./chunk-SFJXSL7D.js";
export {
  discardEphemeral,
  ephemeralFlow
};
