import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '/work/main/src/platform/db/database.ts';
import { migrateToLatest } from '/work/main/src/platform/db/migrate.ts';
import { newId } from '/work/main/src/platform/ids.ts';
async function run(label: string, drops: string[]) {
  const dir=fs.mkdtempSync(path.join(os.tmpdir(),'var-')); const d=await openDatabase({dataDir:dir,sqliteFile:'x.db'}); await migrateToLatest(d);
  for (const q of drops) await sql.raw(q).execute(d.db);
  const clients = Array.from({length:10000},(_,i)=>({id:newId('client'),name:'c'+i,contacts:'[]',locale:'en',currency:'EUR',notes:'',created_at:'x',updated_at:'x',archived_at:null}));
  await d.db.transaction().execute(trx=>d.dialect.insertMany(trx,'clients',clients));
  const now=new Date().toISOString();
  const N=1000000;
  const rows=Array.from({length:N},(_,i)=>{const c=Math.floor(i/100); const n=`${['shop','blog','api'][i%3]}-${i}.client${c}.example`; return ({id:newId('asset'),client_id:clients[c]!.id,kind:'domain',name:n,identifier:n,provider_id:null,status:'active',expires_on:new Date(Date.now()+ (i*7919%400)*864e5).toISOString().slice(0,10),billing_cycle:'yearly',cycle_months:null,currency:'EUR',cost_amount:null,renewal_amount:1250,yearly_cost:1250,auto_renew:1,owner_id:null,notes:'',tags:'["shop"]',custom_fields:'{}',secrets:'{}',search_text:n.replace(/[.-]/g,' '),created_at:now,updated_at:now,retired_at:null})});
  const t=performance.now(); let tc=0;
  await d.db.transaction().execute(async trx=>{ await (label.startsWith('C') ? (async()=>{ for (let i=0;i<rows.length;i+=100) await trx.insertInto('assets').values(rows.slice(i,i+100)).execute(); })() : d.dialect.insertMany(trx,'assets',rows)); tc=performance.now(); });
  console.log(label, 'insert', ((tc-t)/1000).toFixed(1), 's, commit', ((performance.now()-tc)/1000).toFixed(1), 's');
  await d.close(); fs.rmSync(dir,{recursive:true,force:true});
}
await run('A full', []);
await run('B no name idx', ['drop index assets_name_idx']);
await run('C no fts', ['drop trigger assets_search_ai', 'drop table assets_search']);
await run('D no expiry idx', ['drop index assets_expiry_idx']);
await run('E no provider/owner idx', ['drop index assets_provider_idx','drop index assets_owner_idx']);
