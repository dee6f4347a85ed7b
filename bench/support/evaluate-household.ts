/** The couple `npm run bench:evaluate` asks about: both over 65, married, CPP incomes (as the API test's). */
export const COUPLE = {
  province: 'ON',
  people: [
    {
      id: 'p1',
      birthDate: '1955-03-01',
      maritalStatus: 'married',
      residence: { livesInCanada: true, yearsInCanadaAfter18: 40, status: 'citizen' },
      income: { '2024': { cpp: 900000 } },
    },
    {
      id: 'p2',
      birthDate: '1957-06-01',
      maritalStatus: 'married',
      residence: { livesInCanada: true, yearsInCanadaAfter18: 40, status: 'citizen' },
      income: { '2024': { cpp: 300000 } },
    },
  ],
  relationships: [{ type: 'spouse', partners: ['p1', 'p2'], kind: 'married' }],
};

export const EVALUATION_DATE = '2025-10-15';
