import { describe, expect, it } from 'vitest';
import { ApiFailure } from './errors';
import { carrierQuoteQuery, fieldErrors, isFragile, namePath, shipmentBody } from './shipmentForm';

const parcel = { weight_kg: 2, length_cm: 30, width_cm: 20, height_cm: 15 };

describe('the ship form (PC and H5)', () => {
  it('asks for a price only once a carrier, a country and a complete first parcel are there', () => {
    expect(carrierQuoteQuery({ carrier_id: 0, country: 'JP', parcels: [parcel] })).toBeNull();
    expect(carrierQuoteQuery({ carrier_id: 3, country: 'JP', parcels: [{ ...parcel, width_cm: '' }] })).toBeNull();
    expect(carrierQuoteQuery({ carrier_id: 3, country: 'JP', parcels: [parcel, { weight_kg: '1.5' }], goods: [{ crystal: true }], liquid: true })).toEqual({
      country: 'JP',
      weight_kg: '2',
      length_cm: '30',
      width_cm: '20',
      height_cm: '15',
      pieces: '2',
      fragile: 'true',
      battery: 'false',
      liquid: 'true',
      carrier_ids: ['3'],
    });
  });

  it('is fragile as soon as one goods line is crystal', () => {
    expect(isFragile([{ crystal: false }, undefined, { crystal: true }])).toBe(true);
    expect(isFragile(undefined)).toBe(false);
  });

  it('sends decimals as text and a whole quantity, the same from text (H5) or numbers (PC)', () => {
    const body = shipmentBody({
      carrier_id: 3,
      country: 'JP',
      recipient: { name: '佐藤 美咲', phone: '+81 90 1234 5678', address: { postcode: '150-0001' } },
      parcels: [{ weight_kg: '1.5', length_cm: 20, width_cm: '20', height_cm: 10 }],
      goods: [{ name: '白水晶手串', name_en: 'Clear quartz bracelet', quantity: '3', unit_value: 12.5, crystal: true }],
      battery: false,
    });
    expect(body.parcels).toEqual([{ weight_kg: '1.5', length_cm: '20', width_cm: '20', height_cm: '10' }]);
    expect(body.goods).toEqual([{ name: '白水晶手串', name_en: 'Clear quartz bracelet', quantity: 3, unit_value: '12.5', crystal: true }]);
    expect(body.recipient).toEqual({ name: '佐藤 美咲', phone: '+81 90 1234 5678', address: { postcode: '150-0001' } });
    expect(body).not.toHaveProperty('sender');
    expect(body).not.toHaveProperty('remark');
  });

  it('puts the server field errors on the form fields, list indexes as numbers', () => {
    expect(namePath('parcels.1.weight_kg')).toEqual(['parcels', 1, 'weight_kg']);
    const refused = new ApiFailure({ code: 'VALIDATION_ERROR', status: 422, details: { fields: { 'goods.0.name_en': '请填写英文品名' } } });
    expect(fieldErrors(refused)).toEqual([{ name: ['goods', 0, 'name_en'], errors: ['请填写英文品名'] }]);
    expect(fieldErrors(new Error('网络错误'))).toEqual([]);
  });
});
