import type { Generated } from 'kysely';
import type { TShipmentStatus } from '@motcua/contracts';

export type PostalShipmentsTable = {
  id: Generated<string>;
  dossier_id: string;
  agency_id: string;
  recipient: string;
  address: string;
  phone: string | null;
  status: TShipmentStatus;
  tracking_no: string | null;
  postal_fee: Generated<number>;
  integrated: boolean;
  requested_at: Date;
  updated_at: Date;
};

export type PostalEventsTable = {
  id: Generated<number>;
  shipment_id: string;
  event_id: string | null;
  status: TShipmentStatus;
  at: Date;
  note: string | null;
  recorded_by: string | null;
};

export type PostalSimParcelsTable = {
  tracking_no: string;
  reference: string;
  address: string;
  webhook_url: string;
  fee: number;
  created_at: Date;
};

export type PostalTables = {
  postal_shipments: PostalShipmentsTable;
  postal_events: PostalEventsTable;
  postal_sim_parcels: PostalSimParcelsTable;
};
