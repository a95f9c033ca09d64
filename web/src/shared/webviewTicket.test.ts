import { describe, expect, it } from 'vitest';
import { ticketFromUrl } from './webviewTicket';

describe('ticketFromUrl', () => {
  it('reads the ticket and the user and cleans the address', () => {
    expect(ticketFromUrl('https://jmt.example.com/m/customs/orders?tab=status&ticket=abc&uid=7#top')).toEqual({
      ticket: 'abc',
      userId: 7,
      cleanUrl: '/m/customs/orders?tab=status#top',
    });
  });

  it('ignores an address without a ticket', () => {
    expect(ticketFromUrl('https://jmt.example.com/m/')).toBeNull();
  });

  it('ignores a ticket without a valid user', () => {
    expect(ticketFromUrl('https://jmt.example.com/m/?ticket=abc&uid=x')).toBeNull();
  });
});
