import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../database/data-source';
import { verifyLedger } from './ledger.repository';

/** `npm run ledger:verify`: check every official's chain; name the first broken entry of each. */
async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const ds = new DataSource(dataSourceOptions(url, { poolSize: 1 }));
  await ds.initialize();
  try {
    const { checked, broken } = await verifyLedger(ds);
    if (!broken.length) {
      console.log(`ledger: ${checked} entries checked, every chain intact`);
      return 0;
    }
    for (const b of broken) console.log(`ledger: BROKEN at entry id=${b.id} (user ${b.userId}, #${b.seq}): ${b.why}`);
    console.log(`ledger: ${checked} entries checked, ${broken.length} chain(s) broken`);
    return 1;
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
