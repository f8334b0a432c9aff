import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../database/data-source';
import { verifyLedger } from './ledger.repository';
import { staleYearTotals } from './year-totals';

/** `npm run ledger:verify`: check every official's chain; name the first broken entry of each. */
async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const ds = new DataSource(dataSourceOptions(url, { poolSize: 1 }));
  await ds.initialize();
  try {
    const { checked, broken } = await verifyLedger(ds);
    for (const b of broken) console.log(`ledger: BROKEN at entry id=${b.id} (user ${b.userId}, #${b.seq}): ${b.why}`);
    console.log(broken.length ? `ledger: ${checked} entries checked, ${broken.length} chain(s) broken` : `ledger: ${checked} entries checked, every chain intact`);
    // the yearly totals the dashboards read must be the ledger's own sums
    const stale = await staleYearTotals(ds);
    for (const s of stale.slice(0, 20)) console.log(`totals: user ${s.userId}, ${s.year} differs from the ledger`);
    console.log(stale.length ? `totals: ${stale.length} official-year(s) differ from the ledger` : 'totals: every official-year matches the ledger');
    return broken.length || stale.length ? 1 : 0;
  } finally {
    await ds.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
