-- Wettelijke rente, in hundredths of a percent a year, only the rates confirmed in
-- /work/shared/docs/NL-RULES.md section 1.4 (sources there):
--   consumer (art. 6:119 BW): e-justice.europa.eu "interest rates, Netherlands"; wieringa-advocaten.nl
--     16-01-2024; metaalunie.nl "wettelijke rente per 1 juli 2024"; vvoadvocatuur.nl "wettelijke rente omhoog"
--   commercial (art. 6:119a BW): kerckhoffsadvocaten.nl; wieringa-advocaten.nl; metaalunie.nl; vvoadvocatuur.nl
-- Later rates (from 2025-07-01) were only found in secondary sources: the treasurer adds them in
-- Instellingen > Aanmaningen from the Rijksoverheid publication. Existing rows are left alone.
INSERT OR IGNORE INTO `interest_rates` (`kind`, `starts_on`, `rate`) VALUES
  ('consumer', '2023-01-01', 400),
  ('consumer', '2023-07-01', 600),
  ('consumer', '2024-01-01', 700),
  ('consumer', '2024-07-01', 700),
  ('consumer', '2025-01-01', 600),
  ('commercial', '2023-07-01', 1200),
  ('commercial', '2024-01-01', 1250),
  ('commercial', '2024-07-01', 1225),
  ('commercial', '2025-01-01', 1115);
