/** One finding of `validate`: a rule id, a severity, what was expected, and where (1-based). */
export interface Finding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  file: string;
  line: number;
  col: number;
  endLine?: number;
  endCol?: number;
}
