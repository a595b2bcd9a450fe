/** Recovery codes, shown once, in a list a screen reader reads one code at a time. */
export function RecoveryCodeList({ codes }: { codes: readonly string[] }) {
  return (
    <ol className="grid grid-cols-2 gap-2 rounded-md border border-slate-300 bg-slate-50 p-4 font-mono text-lg" data-testid="recovery-codes">
      {codes.map((code) => (
        <li key={code}>{code}</li>
      ))}
    </ol>
  );
}
