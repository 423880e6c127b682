-- Every ledger gets its own random part of the ids it sends the bank (4 hex digits); ledgers set
-- up before it existed get theirs here, new ones at setup.
UPDATE `organisation` SET `id_salt` = upper(hex(randomblob(2))) WHERE `id_salt` IS NULL;
